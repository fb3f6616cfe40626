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
2 party
3 dating
3 classic car
3 motorbike
3 urlaub
3 reise
3 vacances
3 cuisine française
3 vacaciones
3 viaje
