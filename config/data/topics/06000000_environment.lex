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
3 environmental groups
3 green groups
1 carbon
3 carbon tax
3 carbon footprint
3 reforestation
3 logging
3 illegal logging
3 wetlands
3 mangrove
3 desertification
3 soil erosion
3 pesticide
3 herbicide
1 toxic
3 toxins
1 chemicals
3 plastic waste
3 microplastics
3 landfill
3 incinerator
3 recycle
3 recycled
3 composting
3 clean energy
3 green energy
3 solar panels
3 wind turbines
3 electric vehicles
3 nature reserve
3 protected area
3 marine reserve
3 whaling
3 overfishing
3 fish stocks
3 bees
3 pollinators
3 invasive species
1 melting
3 ice caps
3 arctic ice
3 polar bears
3 coral bleaching
3 heat records
3 climate activists
3 climate protest
3 extinction rebellion
3 greta thunberg
3 unfccc
