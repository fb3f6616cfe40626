topic medtop:20000129
2 police said
2 police officer
3 raid
2 patrol
2 detained
2 manhunt
2 sheriff
