# Conflict, war and peace.
topic medtop:16000000
4 conflict
4 military
4 army
4 forces
4 armed forces
4 fighter
4 attack
4 killed
4 militant
4 gunmen
4 bomb
4 explosion
4 missile
4 rocket
4 tank
4 peace
4 terror
4 taliban
4 hezbollah
4 hamas
4 isis
4 hostage
4 kidnappers
4 casualties
4 weapons
4 arms
4 nuclear weapons
4 nuclear
4 defence pact
4 defense pact
4 massacre
4 genocide
4 war crimes
4 pentagon
4 marines
4 navy
4 air force
4 general
4 commander
4 iraq
4 baghdad
4 afghanistan
4 kabul
4 gaza
4 west bank
4 darfur
4 chechnya
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
