"""Places Safe Harbor lets stay: states, provinces, countries and larger regions (never scrubbed as places)."""
from __future__ import annotations

ALLOWED_REGIONS = {r.lower() for r in """
Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|
Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|
Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York State|North Carolina|North Dakota|Ohio|
Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|
Washington State|West Virginia|Wisconsin|Wyoming|Puerto Rico|US|USA|U.S.|U.S.A.|United States|America|
United States of America|UK|U.K.|United Kingdom|Britain|Great Britain|England|Scotland|Wales|Northern Ireland|
Ireland|Canada|Mexico|Brazil|Argentina|Chile|Peru|Colombia|India|Pakistan|Bangladesh|Sri Lanka|Nepal|China|
Japan|Korea|South Korea|North Korea|Taiwan|Hong Kong|Singapore|Malaysia|Indonesia|Philippines|Thailand|Vietnam|
Australia|New Zealand|Germany|France|Italy|Spain|Portugal|Netherlands|Belgium|Switzerland|Austria|Sweden|Norway|
Denmark|Finland|Poland|Russia|Ukraine|Turkey|Greece|Egypt|Nigeria|Kenya|South Africa|Ethiopia|Ghana|Morocco|
Saudi Arabia|UAE|United Arab Emirates|Dubai|Qatar|Kuwait|Oman|Iran|Iraq|Israel|Jordan|Lebanon|Syria|Afghanistan|
Europe|Asia|Africa|North America|South America|Latin America|Central America|Middle East|East|West|North|South|Gulf|Kerala|Tamil Nadu|Karnataka|Maharashtra|Punjab|
Gujarat|Rajasthan|Bihar|West Bengal|Andhra Pradesh|Telangana|Uttar Pradesh|Madhya Pradesh|Odisha|Assam|Goa|
Ontario|Quebec|British Columbia|Alberta|Guangdong|Sichuan|Yunnan|Hubei|Hunan|Henan|Hebei|Shandong|Jiangsu|
Zhejiang|Fujian|Anhui|Jiangxi|Shanxi|Shaanxi|Gansu|Qinghai|Guizhou|Hainan|Liaoning|Jilin|Heilongjiang|Tibet|
Xinjiang|Inner Mongolia|Guangxi|Ningxia""".replace("\n", "").split("|")}
