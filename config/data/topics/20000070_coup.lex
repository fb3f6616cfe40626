topic medtop:20000070
5 coup
4 coup d etat
4 junta
4 military takeover
