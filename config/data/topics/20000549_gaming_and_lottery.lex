topic medtop:20000549
4 lottery
4 jackpot
4 casino
4 gambling
4 powerball
4 betting
