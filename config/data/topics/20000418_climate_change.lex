topic medtop:20000418
5 climate change
5 global warming
4 greenhouse gas
4 greenhouse gases
4 carbon emissions
4 kyoto protocol
4 paris agreement
4 ipcc
4 net zero
4 climate summit
4 cop26
