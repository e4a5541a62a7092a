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

wismo 5 dónde está mi pedido
wismo 5 donde esta mi pedido
wismo 4 dónde está mi paquete
wismo 4 dónde se encuentra mi pedido
wismo 4 dónde se encuentra mi paquete
wismo 4 dónde se encuentra
wismo 3 dónde está
wismo 4 no ha llegado
wismo 4 no me ha llegado
wismo 4 todavía no ha llegado
wismo 4 aún no ha llegado
wismo 4 sigue sin llegar
wismo 2 todavía no
wismo 2 aún no
wismo 4 no he recibido
wismo 4 no recibí
wismo 3 seguimiento
wismo 3 número de seguimiento
wismo 2 paquete
wismo 2 envío
wismo 3 cuándo llega
wismo 3 cuándo llegará
wismo 3 cuando me llega
wismo 2 en tránsito
wismo 3 estado de mi pedido
wismo 1 enviado
wismo 2 novedades
wismo 2 sigo esperando
wismo 2 estoy esperando
wismo 2 atascado
wismo 2 parado
wismo 2 tracking

return 4 devol*
return 4 devuelvo
return 4 etiqueta de devolución
return 2 me queda pequeñ*
return 2 me queda grande
return 2 no me queda
return 2 no me queda bien
return 3 desistimiento
return 2 no me gusta
return 3 enviarlo de vuelta
return 3 mandarlo de vuelta

refund 5 reembols*
refund 4 devolución del dinero
refund 4 devuelvan el dinero
refund 4 devuelvan mi dinero
refund 3 mi dinero
refund 3 cobrado dos veces
refund 3 cobraron dos veces
refund 2 cobro
refund 2 cobraron
refund 2 reintegro

exchange 3 cambiar
exchange 3 cambio
exchange 3 cambiarlo
exchange 3 cambiarla
exchange 3 otra talla
exchange 3 talla más grande
exchange 3 talla más pequeña
exchange 3 talla diferente
exchange 3 otro color
exchange 2 sustitu*
exchange 3 reemplazar por
exchange 1 en lugar

cancel 5 cancel*
cancel 4 anular
cancel 4 anulen
cancel 2 ya no lo quiero
cancel 2 cambié de opinión
cancel 2 por error

address_change 6 cambiar la dirección
address_change 6 cambiar dirección
address_change 6 cambiar mi dirección
address_change 6 modificar la dirección
address_change 6 cambio de dirección
address_change 4 dirección equivocada
address_change 4 dirección incorrecta
address_change 4 nueva dirección
address_change 3 dirección de envío
address_change 3 dirección de entrega
address_change 2 dirección
address_change 2 mudé
address_change 2 mudado
address_change 2 enviar a

damaged 4 dañad*
damaged 4 roto
damaged 4 rota
damaged 4 rotos
damaged 4 rotas
damaged 4 llegó roto
damaged 3 defectuos*
damaged 3 defecto
damaged 3 no funciona
damaged 3 dejó de funcionar
damaged 2 rayad*
damaged 3 abollad*
damaged 2 golpead*
damaged 3 rajad*
damaged 3 estropead*
damaged 2 piezas faltantes
damaged 2 faltan piezas
damaged 2 falta una pieza
damaged 3 se rompió
damaged 2 manchad*
damaged 2 descosid*
damaged 2 aplastad*

presale 4 antes de comprar
presale 4 antes de pedir
presale 4 antes de hacer el pedido
presale 2 disponible
presale 2 disponibilidad
presale 3 en stock
presale 3 hay stock
presale 4 envían a
presale 4 hacen envíos
presale 3 cuánto cuesta
presale 3 cuanto cuesta
presale 2 descuento
presale 3 código de descuento
presale 3 qué talla
presale 3 guía de tallas
presale 2 compatible
presale 3 volverá a estar
presale 3 quisiera comprar
presale 3 me gustaría comprar
presale 3 quiero comprar
presale 3 estoy pensando en comprar
presale 1 tienen
presale 2 gastos de envío
presale 2 material
presale 2 información sobre

claim 6 a to z
claim 5 de la a a la z
claim 3 reclamación
claim 4 disputa
claim 5 contracargo
claim 5 chargeback
claim 4 abrí un caso
claim 4 abierto un caso
claim 4 abrir un caso
claim 4 abriré un caso
claim 4 abrir una disputa
claim 2 banco
claim 3 abogado
claim 3 denuncia
claim 2 reclamo

feedback 3 reseña
feedback 2 opinión
feedback 3 felicidades
feedback 3 enhorabuena
feedback 3 sugerencia
feedback 3 solo quería decir
feedback 3 sólo quería decir
feedback 3 quería deciros
feedback 2 recomiendo
feedback 2 recomendaré
feedback 2 me encanta
feedback 2 muy contento
feedback 2 muy contenta
feedback 2 cinco estrellas
feedback 2 estaría bien

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
wismo 3 cuándo llega el pedido
wismo 2 cuándo llega
stop cancelen tardan demasiado todo envien
damaged 3 dejaron de funcionar
damaged 3 dejó de funcionar
other 3 número de teléfono
other 3 factura
other 2 contratando
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
