topic medtop:20000851
5 basketball
4 nba
4 lakers
4 rebounds
4 three pointer
4 point guard
4 slam dunk
