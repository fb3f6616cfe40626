topic medtop:20000991
5 formula one
4 f1
4 grand prix
4 nascar
4 pole position
4 schumacher
4 ferrari
4 indy 500
