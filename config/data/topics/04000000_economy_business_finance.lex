# Economy, business and finance.
topic medtop:04000000
3 company
3 firm
3 corporation
3 corp
3 inc
2 ltd
3 plc
2 business
3 industry
3 cfo
3 chairman
2 executive
3 stake
3 board of directors
3 acquire
3 deal
2 bid
3 billion
2 million
3 profit
3 loss
3 earnings
3 quarterly
3 quarter
3 forecast
3 outlook
3 sales
3 customer
3 consumer
3 retail
3 retailer
3 price
3 cost
2 investment
3 fund
3 hedge fund
3 credit
3 debt
3 economic
3 market
2 trade
3 export
3 import
3 tariff
3 currency
3 growth
3 fed
3 dow
3 crude
3 automaker
3 car maker
3 manufacturer
3 manufacturing
3 factory
3 supplier
3 production
3 output
2 brand
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
3 demand
3 supply
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
3 unit
3 division
3 contract
2 order
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
