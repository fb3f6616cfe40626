topic medtop:20000606
4 prime minister
3 president
4 cabinet
4 white house
4 kremlin
4 downing street
1 administration
4 premier
4 chancellor
4 governor
# Issue #6: the Premier League is football.
-4 premier league
-4 premier division
