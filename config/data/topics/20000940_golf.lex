topic medtop:20000940
5 golf
4 golfer
4 pga
3 masters
4 ryder cup
4 birdie
4 bogey
2 par
4 fairway
4 tiger woods
