topic medtop:20000056
5 war
3 fighting
2 battle
4 combat
2 offensive
4 airstrike
4 air strike
4 shelling
4 artillery
4 invasion
3 occupation
4 insurgent
4 insurgency
4 rebel
4 militia
4 guerrilla
4 troops
4 soldiers
-3 price war
-3 trade war
# Issue #6 (lex): battles in boardrooms and courts.
-2 bid battle
-2 takeover battle
-2 legal battle
-2 court battle
-2 proxy battle
-2 boardroom battle
