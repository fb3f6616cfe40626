topic medtop:20000644
4 united nations
4 un
4 security council
4 general assembly
4 secretary general
4 nato
4 european union
4 eu
4 african union
4 asean
4 g8
4 g7
4 g20
4 european commission
4 iaea
