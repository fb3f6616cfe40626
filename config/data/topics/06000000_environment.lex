# Environment.
topic medtop:06000000
4 environment
4 environmental
4 environmentalist
4 co2
4 carbon dioxide
4 emissions
3 climate
3 waste
3 recycling
3 plastic
3 deforestation
3 rainforest
3 species
3 conservation
3 conservationist
3 national park
3 greenpeace
3 wwf
3 renewable energy
3 solar power
3 wind power
3 wind farm
3 sustainability
3 sustainable
3 fossil fuel
3 glacier
3 ice sheet
3 sea level
3 ozone
3 epa
3 environmental protection agency
3 umwelt
3 klimawandel
3 environnement
3 réchauffement climatique
3 medio ambiente
3 cambio climático
