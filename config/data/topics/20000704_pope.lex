topic medtop:20000704
5 pope
4 pontiff
4 vatican
4 holy see
