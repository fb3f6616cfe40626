topic medtop:20000888
5 cricket
4 wicket
4 test match
4 batsman
4 bowler
4 odi
1 ashes
# "ashes" folds to "ash": volcanic ash.
4 ashes series
4 the ashes
-3 volcanic ash
-3 ash cloud
# Issue #6 (lex).
4 innings
3 batting collapse
