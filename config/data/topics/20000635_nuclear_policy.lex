topic medtop:20000635
4 nuclear program
4 nuclear programme
4 uranium enrichment
4 enrichment
4 nuclear deal
4 non proliferation
4 nuclear talks
4 nuclear weapons
