topic medtop:20001085
5 tennis
4 wimbledon
4 us open
4 french open
4 australian open
4 roland garros
4 atp
4 wta
4 davis cup
4 grand slam
4 set point
4 federer
4 nadal
