# Sport.
topic medtop:15000000
4 sport
4 athlete
3 player
3 team
3 coach
2 manager
2 squad
2 captain
3 game
3 match
3 matches
3 season
3 league
4 championship
3 champion
2 title
4 tournament
2 cup
2 final
4 semifinal
4 semi final
4 quarterfinal
4 quarter final
4 playoff
2 win
2 won
2 victory
2 defeat
2 defeated
2 beat
2 lose
2 lost
2 score
2 scored
3 goal
2 points
4 medal
3 gold medal
3 silver medal
3 bronze medal
4 world cup
3 stadium
3 fans
4 referee
2 injury
2 injured
2 contract
2 signed
2 transfer
2 race
4 racing
2 lap
4 rookie
2 veteran
1 record
2 ranked
2 seeded
4 ncaa
4 spiel
4 mannschaft
2 trainer
4 équipe
4 match nul
4 entraîneur
2 equipo
2 partido
4 entrenador
3 sprint
3 sprinter
3 relay
1 hurdles
3 freestyle
3 backstroke
3 breaststroke
3 butterfly
3 swimmer
3 cyclist
3 rower
3 boxer
3 heavyweight
3 wrestler
3 weightlifting
3 fencing
3 judo
3 archery
3 triathlon
3 decathlon
3 heptathlon
3 pole vault
3 javelin
3 discus
3 shot put
3 long jump
3 high jump
3 gymnastics
3 gymnast
3 world record
3 podium
3 olympian
3 draft pick
3 free agent
1 waivers
3 roster
3 disabled list
3 injured list
3 sidelined
3 hamstring
3 knee injury
3 ankle injury
3 groin
3 mvp
3 all star
3 hall of fame
3 ballpark
3 halftime
3 kickoff
3 scoreless
3 unbeaten
3 undefeated
3 winless
3 winning streak
3 losing streak
3 standings
3 wild card
3 pennant
3 postseason
3 preseason
3 offseason
3 overtime
3 tee
3 golf course
3 racetrack
3 horse racing
3 jockey
3 derby
3 thoroughbred
3 skier
3 skiing
3 snowboard
3 figure skating
3 skater
3 rugby
3 volleyball
3 handball
3 badminton
3 table tennis
3 polo
3 sailing
3 regatta
3 yacht
3 america s cup
3 marathon
3 cycling
3 tour de france
3 peloton
3 velodrome
3 swimming
3 athletics
3 boxing
3 wrestling
3 rowing
1 rally
3 seed
3 top seed
3 second seed
3 upset
3 comeback
3 equaliser
3 equalizer
3 hat trick
3 penalty kick
3 free kick
3 corner kick
3 red card
3 yellow card
3 stoppage time
3 injury time
3 extra time
3 shootout
3 knockout
3 batting
1 runs
3 home plate
3 dugout
3 shortstop
3 outfielder
3 infielder
3 slugger
3 no hitter
3 doubleheader
3 at bat
3 walk off
3 touchdown pass
3 rushing
3 sack
3 end zone
3 punt
3 playoff berth
3 conference final
3 division title
3 round robin
3 group stage
3 knockout stage
3 athletes village
3 olympic village
1 gold
1 silver
1 bronze
3 medalist
3 medallist
3 clinched
3 clinch
3 tiebreaker
3 head coach
3 assistant coach
3 general manager
3 coaches
3 lineup
3 starter
3 starting pitcher
3 closer
3 reliever
3 cornerback
3 receiver
3 defensive end
3 forward
3 midfield
3 defender
3 goalie
3 netminder
3 puck
3 power play
3 jump shot
3 free throw
3 three point
3 tip off
3 court side
4 st louis cardinals
4 arizona cardinals
4 new york mets
4 chicago cubs
2 cubs
4 dodgers
4 atlanta braves
2 braves
4 houston astros
4 astros
3 phillies
4 orioles
2 mariners
4 minnesota twins
3 padres
3 marlins
1 expos
1 rockies
4 diamondbacks
1 brewers
4 white sox
4 blue jays
4 cleveland indians
4 oakland athletics
1 patriots
4 steelers
2 cowboys
2 colts
3 broncos
2 packers
1 raiders
1 chargers
4 miami dolphins
4 chicago bears
4 new orleans saints
3 ravens
1 titans
1 jaguars
4 seahawks
4 minnesota vikings
2 falcons
4 carolina panthers
4 buccaneers
4 st louis rams
4 kansas city chiefs
1 bengals
4 cleveland browns
4 buffalo bills
1 texans
4 detroit lions
4 redskins
4 celtics
4 knicks
2 pistons
4 san antonio spurs
4 houston rockets
4 miami heat
4 chicago bulls
4 phoenix suns
1 mavericks
4 new jersey nets
4 pacers
2 nuggets
4 timberwolves
1 cavaliers
2 bobcats
4 atlanta hawks
4 sonics
1 raptors
1 grizzlies
2 clippers
4 orlando magic
4 utah jazz
4 colorado avalanche
4 red wings
4 maple leafs
4 canadiens
3 bruins
1 flyers
4 new york rangers
4 pittsburgh penguins
2 blackhawks
1 sabres
2 oilers
4 canucks
4 new york islanders
4 tampa bay lightning
4 man utd
4 everton
4 tottenham
2 newcastle
4 ac milan
4 inter milan
4 bayern munich
4 rangers fc
4 college football
4 bowl game
4 heisman
4 pga tour
4 lpga
3 crashes out
3 crashed out
3 knocked out
3 first round
3 second round
3 third round
3 fourth round
3 straight sets
3 tiebreak
3 dropped a set
3 title hopes
3 relegation
3 promotion race
3 top of the table
3 league leaders
3 draw with
3 goalless draw
3 0 0 draw
3 1 1 draw
3 2 2 draw
3 held to a draw
3 spitzenspiel
3 tabellenführung
3 bundesliga spiel
3 championnat
3 ligue
3 tête du championnat
3 liga
3 clasificación
3 jornada
3 rally driver
3 rally championship
3 world rally
-3 video game
-3 computer game
-3 game console
-3 online game
-3 game developer
-3 game maker
-3 game publisher
-3 mobile game
-3 war game
-3 game theory
-3 game changer

# Added for issue #6: newspaper abbreviations, league jargon and club nicknames that editors
# recognise at once. Club names that are also ordinary words (jets, giants, hurricanes, trojans)
# are listed only as full names.
4 n f l
4 n b a
4 n h l
4 n c a a
3 m l b
3 head coaching
3 offensive line
3 defensive coordinator
3 offensive coordinator
3 rushing yards
3 passing yards
3 double double
3 triple double
3 dunk
3 fieldhouse
3 tipoff
3 season opener
3 home opener
3 season finale
3 grudge match
3 friendly match
3 international friendly
3 home game
3 away game
3 road game
3 road win
3 home win
3 away win
2 routed
2 rout
2 edged
2 thrashed
3 pacemen
3 paceman
3 seamer
3 spinner
3 leg spinner
3 wicketkeeper
3 test series
3 one day international
3 lbw
3 all rounder
3 run out
3 bowled
3 furlong
3 stakes race
3 breeders cup
3 melbourne cup
3 kentucky derby
3 handicap race
3 course record
3 under par
3 birdies
3 european tour
3 volvo masters
3 qualifier
3 double fault
3 match point
3 break point
3 centre court
3 center court
3 featherweight
3 middleweight
3 welterweight
3 lightweight title
3 title fight
3 bout
3 speedway
3 pit stop
3 motorsport
3 pole sitter
3 chequered flag
3 checkered flag
3 new york jets
3 new york giants
3 new york knicks
3 49er
3 san francisco 49ers
3 philadelphia eagles
3 dallas cowboys
3 miami hurricanes
3 usc trojans
3 buckeyes
3 wolverines
3 crimson tide
3 longhorns
3 sooners
3 seminoles
3 fighting irish
3 tar heels
3 blue devils
3 boilermakers
3 demon deacons
3 cornhuskers
3 milwaukee bucks
3 middlesbrough
3 blackburn rovers
3 bolton wanderers
3 aston villa
3 fulham
3 charlton
3 southampton
3 west brom
3 crystal palace
3 manchester city
3 man city
3 ajax
3 psv eindhoven
3 benfica
3 olympique lyon
3 olympique marseille
3 deportivo
3 lazio
3 schalke
3 borussia dortmund
3 werder bremen
3 premiership
3 championship side
3 premier division
3 fa cup
3 carling cup
3 uefa cup
2 capped
# "won"/"win" outside sport: these collocations cancel the sport reading.
-2 won approval
-2 win approval
-2 won the election
-2 win the election
-2 won an election
-2 won re election
-2 win re election
-2 won a contract
-2 won the contract
-2 won the support
-2 win support
-2 won a seat
-2 won seats
-2 won a majority
-2 win a majority
-2 won the vote
-2 final approval
-2 final decision
-2 final offer
-2 final report
-2 final ruling
-2 final results of the election
# Issue #6: plural folding makes a nickname's singular an everyday word ("Mets" = "met",
# "Raiders" = "raider", "Mavericks" = "maverick", "Flyers" = "flyer"), so those nicknames were
# demoted above and the full club names carry the weight.
4 milwaukee brewers
4 colorado rockies
4 montreal expos
4 seattle mariners
4 new england patriots
4 indianapolis colts
4 denver broncos
4 green bay packers
4 oakland raiders
4 san diego chargers
4 baltimore ravens
4 tennessee titans
4 jacksonville jaguars
4 atlanta falcons
4 cincinnati bengals
4 houston texans
4 detroit pistons
4 dallas mavericks
4 denver nuggets
4 cleveland cavaliers
4 charlotte bobcats
4 toronto raptors
4 memphis grizzlies
4 los angeles clippers
4 boston bruins
4 philadelphia flyers
4 chicago blackhawks
4 buffalo sabres
4 edmonton oilers
4 newcastle united
# "hurdles" folds to "hurdle" (a regulatory hurdle).
3 metres hurdles
3 meter hurdles
-4 tax dodger
# Issue #6: seasons, teams and matches of other beats.
-3 flu season
-3 holiday season
-3 shopping season
-3 hurricane season
-3 monsoon season
-3 going forward
-3 forward looking
-3 official receiver
-3 overtime pay
-3 overtime rules
-2 management team
-2 rescue team
-2 legal team
-2 negotiating team
-3 dna match
-3 seed funding
-3 seed capital
-3 sprint nextel
-3 sprint corp
-3 clinched a deal
-3 clinch a deal
# Issue #6 (lex).
3 racehorse
3 goaltender
2 skipper
