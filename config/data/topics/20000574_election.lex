topic medtop:20000574
5 election
5 electoral
4 vote
4 voter
4 voting
4 ballot
4 polls
4 polling station
4 opinion poll
3 campaign
3 campaigning
4 candidate
4 running mate
4 nominee
2 primary
4 caucus
4 re election
4 reelection
4 incumbent
4 electoral college
4 election commission
4 turnout
4 landslide victory
4 runoff
4 exit poll
4 swing state
4 polling
4 wahl
4 wahlkampf
4 élection présidentielle
4 elecciones
4 landslide win
4 snap vote
4 snap poll
4 snap election
4 confidence vote
4 party rally
4 political rally
4 election rally
4 opposition rally
4 campaign rally
# Issue #6: campaigns and candidates of other beats.
-3 military campaign
-3 bombing campaign
-3 advertising campaign
-3 marketing campaign
-3 vaccination campaign
-3 campaign of violence
-3 vaccine candidate
-3 drug candidate
