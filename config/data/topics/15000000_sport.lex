# Sport.
topic medtop:15000000
4 sport
4 athlete
4 player
4 team
4 coach
4 manager
3 squad
3 captain
4 game
4 match
4 matches
4 season
4 league
4 championship
4 champion
4 title
4 tournament
4 cup
4 final
4 semifinal
4 semi final
4 quarterfinal
4 quarter final
4 playoff
4 win
4 won
4 victory
4 defeat
4 defeated
4 beat
4 lose
4 lost
4 score
4 scored
4 goal
4 points
4 medal
4 gold medal
4 silver medal
4 bronze medal
4 world cup
4 stadium
4 fans
4 referee
4 injury
4 injured
4 contract
4 signed
4 transfer
4 race
4 racing
4 lap
4 rookie
4 veteran
4 record
4 ranked
4 seeded
4 ncaa
4 spiel
4 mannschaft
4 trainer
4 équipe
4 match nul
4 entraîneur
4 equipo
4 partido
4 entrenador
