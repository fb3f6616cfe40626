topic medtop:20000739
5 nasa
4 esa
4 astronaut
4 spacecraft
4 space station
4 space shuttle
4 rocket
4 orbit
4 moon
4 asteroid
4 comet
4 telescope
4 hubble
4 galaxy
4 astronomer
4 solar system
4 planet
4 satellite
4 spaceflight
4 space probe
4 rover
4 mars rover
4 mars mission
4 mars probe
4 mars lander
4 planet mars
4 surface of mars
4 red planet
4 mars orbiter
4 mars express
# Issue #6 (lex): private spaceflight; and rockets fired in a war are conflict, not spaceflight.
4 space tourism
4 space tourist
4 private spaceflight
3 spaceship
3 lander
3 space mission
3 mission to mars
3 landing on mars
-4 rocket attack
-4 rocket fire
-4 rockets fired
-4 fired rockets
-4 rocket launcher
-4 rocket propelled grenade
-4 qassam
-4 katyusha
3 land on mars
3 life on mars
3 trip to mars
3 shuttle launch
3 shuttle fleet
3 shuttle program
3 shuttle flights
3 return to flight
