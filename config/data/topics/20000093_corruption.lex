topic medtop:20000093
3 corruption
3 bribery
3 bribe
3 kickback
3 graft
3 embezzled
