topic medtop:20000823
5 nfl
4 quarterback
4 touchdown
4 super bowl
4 wide receiver
4 running back
4 linebacker
4 field goal
4 yards
4 interception
