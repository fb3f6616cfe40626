topic medtop:20000256
4 oil price
4 crude oil
4 opec
4 barrel
4 natural gas
4 oil company
4 refinery
4 pipeline
3 electricity
3 power plant
3 utility
3 coal
3 energy
3 gasoline
3 petrol
3 exxon
3 chevron
3 shell
3 bp
3 gazprom
3 yukos
# Issue #6: artillery shells and barrel bombs.
-3 artillery shell
-3 mortar shell
-3 tank shell
-3 shell fire
-3 barrel bomb
