topic medtop:20000051
3 television series
3 tv series
3 episode
3 season premiere
3 talk show
3 reality show
3 ratings
2 channel
2 viewer
3 primetime
# "ratings" folds to "rating": a credit rating is not television.
-3 credit rating
-3 rating agency
