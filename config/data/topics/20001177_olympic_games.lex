topic medtop:20001177
5 olympic
4 olympic games
4 ioc
4 paralympic
