topic medtop:20000965
5 hockey
4 nhl
4 stanley cup
