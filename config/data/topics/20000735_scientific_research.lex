topic medtop:20000735
4 scientist
4 researcher
2 research
2 study
4 laboratory
4 experiment
3 discovery
4 journal nature
4 journal science
4 peer reviewed
4 published in
