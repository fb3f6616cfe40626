topic medtop:20000337
4 airline
4 carrier
3 flights
3 passengers
3 rail
3 railway
3 shipping
3 freight
3 trucking
3 airport
# A telephone carrier is not transport.
-4 wireless carrier
-4 mobile carrier
-4 phone carrier
-4 cellular carrier
-4 telecom carrier
-4 carrier pigeon
-4 aircraft carrier
# Issue #6 (lex): a product that starts "shipping" is on sale, not at sea.
-3 begin shipping
-3 began shipping
-3 start shipping
-3 started shipping
-3 now shipping
# "Delta Air Lines", "Japan Air Lines": an airline ("airline" is above).
3 air lines
