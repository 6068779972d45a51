# A lab: the raw/ prefix of the data lake stands in for an on-premises share and
# is copied to processed/ every night.

resource "aws_s3_bucket" "lake" {
  bucket = "lab-lake-primary-0427"
}

module "copy" {
  source      = "./modules/copy"
  lake_bucket = aws_s3_bucket.lake.arn
}
