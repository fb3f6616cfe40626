topic medtop:20000524
4 strike
4 walkout
4 industrial action
4 collective bargaining
4 labor dispute
4 labour dispute
4 picket
4 picket line
4 union
4 trade union
4 labor union
4 wage talks
4 contract talks
-4 air strike
-4 airstrike
-4 missile strike
-3 strikeout
-4 european union
-4 african union
-4 soviet union
-4 union of
-4 union minister
-4 union government
-4 union cabinet
# Issue #6: unions that are not trade unions.
-4 customs union
-4 monetary union
-4 currency union
-4 banking union
-4 credit union
-4 union pacific
-4 state of the union
-4 civil union
-4 western european union
