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
-3 european union
-3 african union
-4 soviet union
-4 union of
-4 union minister
-4 union government
-4 union cabinet
