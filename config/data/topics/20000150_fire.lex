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
