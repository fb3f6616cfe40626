topic medtop:20000888
5 cricket
4 wicket
4 test match
4 batsman
4 bowler
4 odi
3 ashes
