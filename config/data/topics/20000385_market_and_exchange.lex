topic medtop:20000385
4 stock market
4 stock exchange
4 wall street
4 nasdaq
4 dow jones
4 dow industrials
4 s p 500
4 ftse
4 nikkei
4 dax
4 cac 40
4 hang seng
3 blue chip
3 stocks
3 shares rose
3 shares fell
3 shares
3 traders
3 trading
3 investors
3 bond yield
3 treasury yield
3 treasuries
3 bonds
3 commodities
3 crude futures
3 gold price
3 forex
3 exchange rate
3 dollar
3 euro
3 yen
3 sterling
1 rally
3 sell off
2 index
2 points
2 benchmark
3 equities
3 stocks rallied
3 shares rallied
3 market rally
3 rallied
3 government bond
3 government securities
3 government paper
# Issue #6: "futures" folds to "future" ("in the future"), so only futures phrases count.
3 futures contract
3 futures market
3 futures exchange
3 futures prices
3 futures trading
3 oil futures
3 stock futures
3 index futures
3 gold futures
3 wheat futures
3 corn futures
3 soybean futures
3 treasury futures
-3 james bond
# Issue #6 (lex): the stock market's sectors; a story about tech shares is a market story.
3 tech stocks
3 technology stocks
3 tech shares
3 technology shares
3 chip stocks
3 semiconductor stocks
3 internet stocks
3 tech heavy
