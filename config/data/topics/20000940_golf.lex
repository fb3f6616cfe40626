topic medtop:20000940
5 golf
4 golfer
4 pga
1 masters
4 ryder cup
4 birdie
4 bogey
2 par
4 fairway
4 tiger woods
# "masters" folds to "master" (master plan, master's degree).
4 masters tournament
4 us masters
4 augusta national
3 augusta
