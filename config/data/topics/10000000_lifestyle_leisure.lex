# Lifestyle and leisure.
topic medtop:10000000
4 lifestyle
4 leisure
4 hobby
2 holiday
4 vacation
4 hotel
2 food
4 gardening
4 home decor
4 interior design
4 diy
2 shopping
4 fashion trend
2 trend
3 wellness
3 yoga
3 camping
3 hiking
3 fishing
3 hunting
4 video game
4 board game
4 puzzle
4 crossword
4 theme park
4 amusement park
2 weekend
1 party
3 dating
3 classic car
3 motorbike
3 urlaub
3 reise
3 vacances
3 cuisine française
3 vacaciones
3 viaje
3 tourism board
3 sightseeing
3 beach
3 beaches
3 spa
3 backpacking
3 airbnb
1 guests
3 dining
3 foodie
3 bakery
3 baking
3 chocolate
3 coffee shop
3 vegan
3 vegetarian
3 gardener
3 home improvement
1 style
3 beauty
3 cosmetics
3 makeup
3 skincare
3 fitness trend
3 gym
3 running club
3 marathon runners
3 pastime
1 collector
3 festival season
3 nightlife
3 pub
3 hiking trail
1 outdoor
3 ski resort
3 campsite
3 caravan
3 road trip
3 cruise ship
3 zoo visitors
3 lottery ticket
3 scratch card
3 bingo
3 poker
3 chess
3 video gamers
3 gamers
3 esports
