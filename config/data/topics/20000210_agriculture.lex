# Farming and farm commodities (the economic sector; crop science is under science).
topic medtop:20000210
4 agriculture
4 agricultural
4 farmer
4 farm
4 farming
3 crop
3 harvest
3 wheat
3 corn
3 maize
3 soybean
3 grain
3 rice
3 barley
3 sugar
3 coffee
3 cocoa
3 cotton
3 livestock
3 cattle
3 dairy
3 usda
4 agriculture department
3 farm subsidies
3 fertilizer
3 tonnes
3 bushels
3 acreage
3 landwirtschaft
3 agriculture française
3 agricultura
