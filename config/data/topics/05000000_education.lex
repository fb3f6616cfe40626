# Education.
topic medtop:05000000
4 education
4 educational
4 school
4 pupil
4 student
4 teacher
3 teaching
3 classroom
3 curriculum
4 university
3 college
3 campus
3 professor
3 lecturer
3 tuition
3 tuition fees
3 scholarship
2 graduate
3 graduation
2 degree
3 exam
3 examination
3 test scores
3 literacy
3 kindergarten
3 preschool
3 primary school
3 secondary school
3 high school
3 elementary school
3 headteacher
2 principal
3 school board
3 education minister
3 ministry of education
3 education secretary
3 enrolment
3 enrollment
3 dropout
3 homework
2 academic
3 semester
3 vocational training
3 apprenticeship
3 schule
3 schüler
3 universität
3 école
3 élève
3 université
3 escuela
3 universidad
3 estudiantes
-2 school of fish
