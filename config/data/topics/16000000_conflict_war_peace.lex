# Conflict, war and peace.
topic medtop:16000000
4 conflict
4 military
4 army
2 forces
4 armed forces
2 fighter
2 attack
4 killed
4 militant
4 gunmen
2 bomb
2 explosion
2 missile
2 rocket
2 tank
2 peace
4 terror
4 taliban
4 hezbollah
4 hamas
4 isis
2 hostage
4 kidnappers
2 casualties
2 weapons
2 arms
4 nuclear weapons
2 nuclear
4 defence pact
4 defense pact
4 massacre
4 genocide
4 war crimes
4 pentagon
4 marines
4 navy
4 air force
1 general
2 commander
2 iraq
2 baghdad
2 afghanistan
2 kabul
2 gaza
2 west bank
2 darfur
2 chechnya
4 krieg
4 armee
4 soldaten
4 guerre
4 armée
4 soldats
4 guerra
4 ejército
-3 price war
-3 trade war
-3 bidding war
-3 browser war
-3 war of words
-2 attacking midfielder
-2 counter attack
-2 heart attack
-3 think tank
-3 fighting chance
-3 battle over
-3 battle for
