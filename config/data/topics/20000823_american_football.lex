topic medtop:20000823
5 nfl
4 quarterback
4 touchdown
4 super bowl
4 wide receiver
4 running back
4 linebacker
4 field goal
2 yards
4 interception
# "yards" folds to "yard": Scotland Yard, a shipyard story.
-4 scotland yard
-2 back yard
4 yard line
4 yard touchdown
# Issue #6 (lex).
4 lineman
