topic medtop:20000849
5 baseball
4 mlb
4 red sox
4 yankees
4 world series
4 pitcher
4 inning
4 home run
4 homer
4 rbi
4 strikeout
4 bullpen
