# Economy, business and finance.
topic medtop:04000000
3 company
3 firm
3 corporation
4 corp
4 inc
3 ltd
4 plc
3 business
3 industry
3 cfo
3 chairman
1 executive
3 stake
3 board of directors
4 acquire
1 deal
1 bid
2 billion
1 million
3 profit
3 loss
3 earnings
3 quarterly
2 quarter
2 forecast
2 outlook
3 sales
1 customer
3 consumer
3 retail
3 retailer
3 price
1 cost
2 investment
2 fund
3 hedge fund
3 credit
3 debt
4 economic
2 market
2 trade
3 export
3 import
3 tariff
3 currency
1 growth
3 fed
3 dow
3 crude
3 automaker
3 car maker
3 manufacturer
3 manufacturing
3 factory
3 supplier
1 production
1 output
1 brand
3 marketing
3 advertising
3 wal mart
3 walmart
3 boeing
3 airbus
3 regulator
3 sec
3 securities and exchange commission
3 antitrust
3 dividend
3 valuation
3 analyst
1 demand
1 supply
3 budget deficit
2 tax
3 taxes
3 insurance
3 insurer
3 housing market
3 real estate
3 property market
3 startup
3 venture capital
3 conglomerate
3 subsidiary
1 unit
1 division
1 contract
1 order
# German, French, Spanish
3 wirtschaft
3 unternehmen
3 konzern
3 aktie
3 börse
3 umsatz
3 gewinn
3 entreprise
3 économie
3 bourse
3 chiffre d affaires
3 empresa
3 economía
3 bolsa
3 ventas
-2 arms deal
-2 peace deal
-2 plea deal
-2 transfer fee
3 shoppers
3 holiday shopping season
3 insurance industry
3 brokerage
3 stock broker
3 wholesale
3 retail chain
3 drugmaker
3 pharmaceutical company
3 biotech
3 chain
3 stores
3 sales rose
3 sales fell
3 profit rose
3 profit fell
4 percent stake
4 per share
4 cents a share
3 consensus
3 estimates
4 fiscal year
3 fiscal
4 acquired
4 to buy
4 agreed to buy
3 purchase
3 the company said
3 earnings report
3 shares of
3 stock price
4 market share
3 competition
3 competitor
3 rival
3 strategy
3 turnaround
4 chief financial officer
4 quarterly results
4 third quarter
4 second quarter
4 fourth quarter
4 first quarter
4 annual report
4 profit forecast
4 sales forecast
4 net loss
4 operating profit
4 operating income
4 pretax
4 wall street analysts
4 crude oil prices
4 mall
4 shopping centre
4 shopping center
4 carmaker
4 steelmaker
4 oil
3 co
3 businesses
3 millones
3 millions d euros
3 millionen
3 milliarden
3 dólares
3 bolsa de valores
3 bourse de paris
# Issue #6: losses and stakes of other beats.
-3 loss of life
-3 weight loss
-3 hearing loss
-3 memory loss
-3 blood loss
-3 at stake
-2 stood firm
-2 remained firm
-2 firm stance
