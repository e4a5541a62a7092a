# Español.  See en.lex for the format.
lang es
stop el la los las un una unos unas de del y que en es mi mis no por para con se
stop lo al pero muy ya todavía aún hola gracias buenos buenas días tengo he ha
stop está estoy como cuando donde dónde qué porque su sus me le hay este esta
stop pedí compré recibido llegado saludos favor hoy ayer semana nada nadie algo
stop usted ustedes vosotros os tienen puedo pueden quiero quisiera sería fue
stop desde hace hasta sin sobre también eso esto estas estos son
char 2 ñ ¿ ¡
char 0.7 á
char 0.4 í ó ú











negative 3 inaceptable
negative 2 decepcionad*
negative 2 decepción
negative 3 vergüenza
negative 3 estafa
negative 2 horrible
negative 2 fatal
negative 3 pésimo
negative 3 pésima
negative 3 indignad*
negative 2 harto
negative 2 harta
negative 3 enfadad*
negative 3 cabread*
negative 2 nunca más
negative 2 ninguna respuesta
negative 2 nadie responde
negative 2 ridículo
negative 2 peor
negative 2 inútil
negative 2 desastre

positive 0.5 gracias
positive 1.5 muchas gracias
positive 2 perfect*
positive 2 genial
positive 2 encanta
positive 2 excelente
positive 1.5 contento
positive 1.5 contenta
positive 2 maravillos*
positive 1.5 feliz
positive 1.5 rápid*
positive 2 estupend*
stop cancelen tardan demasiado todo envien
stop entonces después antes ahora luego sino si ni cada otro otra
stop era eran han hecho hace dicho puedo podría quería necesito
stop nuestro nuestra vuestro vuestra suyo tu tus te nos
stop artículo producto compra ayuda gracias

# pedir una persona en lugar del bot
person 3 persona real
person 3 una persona
person 3 un humano
person 3 ser humano
person 3 un agente
person 3 hablar con alguien
person 3 no un bot
