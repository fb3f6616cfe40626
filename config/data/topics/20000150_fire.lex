topic medtop:20000150
3 fire
3 blaze
3 firefighter
3 fire brigade
3 burned
3 burnt
3 flames
3 smoke
3 arson
# Issue #6: gunfire and criticism are not a blaze.
-3 opened fire
-3 open fire
-3 came under fire
-3 under fire
-3 artillery fire
-3 gun fire
-3 fire on
-3 exchange of fire
-3 exchanged fire
-3 returned fire
-3 sniper fire
-3 rocket fire
-3 mortar fire
-3 fire rockets
-3 fire missiles
