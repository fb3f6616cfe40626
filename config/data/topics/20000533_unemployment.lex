topic medtop:20000533
4 unemployment
4 unemployed
4 jobless
4 job cuts
4 layoff
4 laid off
4 redundancies
4 jobless claims
