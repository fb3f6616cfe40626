# Conflict, war and peace.
topic medtop:16000000
4 conflict
4 military
4 army
2 forces
4 armed forces
2 fighter
2 attack
3 killed
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
1 arms
4 nuclear weapons
2 nuclear
4 defence pact
4 defense pact
4 massacre
4 genocide
4 war crimes
4 pentagon
2 marines
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
3 ministry of defence said
3 military said
3 army said
3 troops were
3 front line
3 frontline
3 war zone
3 warring
3 warring parties
3 hostilities
3 armed groups
3 paramilitary
3 separatist
3 extremists
3 insurgent attack
1 ambush
3 ambushed
3 roadside bomb
3 ied
3 drone strike
1 drones
1 shells
3 mortar
3 sniper
3 gunships
3 fighter jets
3 warplanes
3 bombardment
1 siege
3 besieged
1 captured
1 recaptured
3 seized control
1 withdrawal
3 withdraw troops
1 deployment
1 deployed
3 reinforcements
3 military operation
3 counteroffensive
3 counter offensive
1 occupied
3 annexation
3 annexed
3 liberated
3 atrocities
3 civilian casualties
3 civilians killed
3 prisoner of war
3 pows
3 demilitarised
3 demilitarized
3 armistice
3 peace treaty
3 peace conference
3 mediator
3 mediation
3 negotiated settlement
3 disarmament
3 landmines
3 cluster bombs
3 chemical weapons
3 biological weapons
3 ballistic missile
3 cruise missile
3 warhead
3 air defence
3 air defense
3 military aid
3 arms supplies
3 nato allies
3 coalition forces
3 un peacekeepers
3 blue helmets
# Issue #6: "arms" folds to "arm" (a pitcher's arm) and "marines" to "marine" (marine biology).
3 arms race
3 arms embargo
3 arms shipment
3 small arms
4 us marines
4 royal marines
4 marine corps
-2 marine biologist
-2 marine life
-2 marine reserve
# Issue #6 (lex): rocket fire (space exploration cancels its "rocket" for these).
3 rocket attack
3 rocket fire
3 rockets fired
3 fired rockets
3 rocket launcher
3 rocket propelled grenade
4 qassam
4 katyusha
