topic medtop:20001104
5 doping
4 steroid
4 banned substance
4 drug test
4 wada
