topic medtop:20000446
4 outbreak
4 epidemic
4 pandemic
4 infection
4 infectious disease
4 flu
4 influenza
4 bird flu
4 sars
4 covid
4 coronavirus
4 hiv
4 malaria
4 tuberculosis
4 ebola
4 cholera
4 measles
4 cancer
4 diabetes
4 obesity
4 alzheimer
4 dementia
4 heart disease
# Issue #6: outbreaks of violence.
-3 outbreak of violence
-3 outbreak of fighting
-3 outbreak of war
